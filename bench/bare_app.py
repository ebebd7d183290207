"""A one-line Streamlit page: the floor for cold start (bench/playback.py)."""

import streamlit as st

st.write("Bare page ready")
