"""Map layers built from the treaty data for a date or for the whole timeline (no Streamlit)."""
