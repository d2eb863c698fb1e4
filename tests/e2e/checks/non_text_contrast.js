// WCAG 2.2 1.4.11 Non-text Contrast for form controls: the border that shows where a text box,
// select or tick box is, and the focus indicator of each, must reach 3:1 against what is
// behind them. axe does not check either. Returns a list of problems, one string each.
// Run through the DevTools protocol (page.evaluate), which the page's CSP does not govern.
() => {
  const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const parse = (text) => {
    const m = text.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const ratio = (x, y) => {
    const [hi, lo] = [luminance(x), luminance(y)].sort((a, b) => b - a);
    return (hi + 0.05) / (lo + 0.05);
  };
  const behind = (element) => {
    let colour = { r: 255, g: 255, b: 255, a: 1 };
    const layers = [];
    for (let node = element.parentElement; node; node = node.parentElement) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c && c.a > 0) layers.push(c);
      if (c && c.a === 1) break;
    }
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const name = (el) => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.name ? "[name=" + el.name + "]" : ""}`;
  const problems = [];
  const controls = [...document.querySelectorAll(
    "input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=file]), select, textarea"
  )].filter((el) => {
    if (el.offsetParent === null || el.disabled) return false;
    // A visually hidden input (Bootstrap's .btn-check) is drawn by its label, a button.
    const box = el.getBoundingClientRect();
    return box.width > 2 && box.height > 2 && getComputedStyle(el).clip === "auto";
  });
  for (const el of controls) {
    const style = getComputedStyle(el);
    const back = behind(el);
    const border = parse(style.borderTopColor);
    const width = parseFloat(style.borderTopWidth);
    if (width > 0 && border && style.borderTopStyle !== "none") {
      const seen = ratio(over(border, back), back);
      if (seen < 3) problems.push(`${name(el)}: border ${style.borderTopColor} is ${seen.toFixed(2)}:1`);
    }
  }
  // The focus indicator: an outline, or a box-shadow ring, against the background.
  const active = document.activeElement;
  for (const el of controls.slice(0, 40)) {
    el.focus({ preventScroll: true });
    if (document.activeElement !== el) continue;  // not focusable as the page stands
    const style = getComputedStyle(el);
    const back = behind(el);
    let ring = null;
    if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) ring = parse(style.outlineColor);
    else if (style.boxShadow && style.boxShadow !== "none") ring = parse(style.boxShadow);
    const seen = ring ? ratio(over(ring, back), back) : 1;
    if (seen < 3) problems.push(`${name(el)}: focus indicator is ${seen.toFixed(2)}:1`);
  }
  if (active && active.focus) active.focus({ preventScroll: true });
  return problems;
}
