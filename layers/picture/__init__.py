"""The map drawn in Python (Pillow): projection, drawing, panels, and the history chart (SVG)."""
