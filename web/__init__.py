"""Pages composed from several apps: the home page, the risk page and the navigation. Each
other app contributes its own panel (a selector and a template); ``web`` only gathers them."""
