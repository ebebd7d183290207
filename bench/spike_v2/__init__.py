"""Spike: the map as a Streamlit components v2 element, measured against the v1 iframe."""
