"""Forms, one module per area; the pieces they share are in ``common.forms``."""
