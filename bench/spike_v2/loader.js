/* The map as a Streamlit components v2 element (no iframe). This loader is what Streamlit sends
   with every rerun, so it is small. The map itself (Leaflet, the map's scripts, styles and data,
   bundle.py) comes once per session, as the bytes of the first run's `data`:
   one line of JSON arguments, then the gzipped bundle. Later reruns send the arguments alone,
   as JSON. The map's code speaks the v1 protocol to window.parent, which is this window here:
   MBT.post calls this loader instead (bundle.py), which answers in Streamlit's place (setComponentValue -> setStateValue,
   setFrameHeight -> the element's height) and passes the arguments on as "streamlit:render". */
let page = null;      /* {css, html, scripts}: run once per browser tab */
let root = null;      /* the element the map lives in, moved if Streamlit remounts it */
let component = null; /* the latest mount: its setStateValue */
let args = {};

async function gunzipJson(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).json();
}

/* A key typed into a field of the page (st.text_input...) is not the map's. */
function typing(event) {
  const target = event.composedPath()[0];
  return !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
    && !(target.type === "range");
}

/* What the map would post to its parent frame (MBT.post in data.js.j2), answered here. */
function answer(type, message) {
  if (type === "streamlit:setComponentValue") component.setStateValue("moment", message.value);
  else if (type === "streamlit:setFrameHeight") root.style.height = message.height + "px";
}

function mount(parent) {
  root = document.createElement("div");
  root.className = "mbt-v2-root";
  root.style.height = (args.height || 660) + "px";
  const style = document.createElement("style");
  style.textContent = page.css;
  root.appendChild(style);
  root.insertAdjacentHTML("beforeend", page.html);
  parent.appendChild(root);
  window.MBT = {v2post: answer, keyGuard: (event) => !!args.keyguard && typing(event)};
  /* Leaflet (a UMD script) and the map's script run as classic scripts in the page's scope,
     as they do in the single file and the iframe. */
  page.scripts.forEach((code) => (0, eval)(code));
}

export default async function (mounted) {
  component = mounted;
  let data = mounted.data;
  if (data instanceof Uint8Array) {  /* the first run: arguments, a newline, the bundle */
    const bytes = data, cut = bytes.indexOf(10);
    data = JSON.parse(new TextDecoder().decode(bytes.subarray(0, cut)));
    page = page || await gunzipJson(bytes.subarray(cut + 1));
  }
  args = data || {};
  if (!page) { mounted.parentElement.textContent = "The map's code was not received: reload the page."; return; }
  if (!root) mount(mounted.parentElement);
  else if (root.parentNode !== mounted.parentElement) mounted.parentElement.appendChild(root);
  window.postMessage({type: "streamlit:render", args: args}, "*");
}
