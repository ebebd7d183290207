/* Building the map's panels: text always goes in as text, never as HTML. */

export function el(tag, className, text, parent) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (parent) parent.appendChild(node);
  return node;
}

export function button(parent, text, label, onClick) {
  const node = el("button", "", text, parent);
  node.type = "button";
  if (label) {
    node.title = label;
    node.setAttribute("aria-label", label);
  }
  if (onClick) node.addEventListener("click", onClick);
  return node;
}
