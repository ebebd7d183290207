"""Placeholder page: the status table for a date (the map comes with the next issue)."""

import datetime as dt

import streamlit as st

from geodata import DataError, load_treaty
from geodata.timeline import statuses_on

st.set_page_config(page_title="Mine Ban Treaty Map", layout="wide")
try:
    treaty = load_treaty()
except DataError as error:
    st.error("The treaty data does not validate:\n\n" + "\n".join(f"- {p}" for p in error.problems))
    st.stop()
day = st.date_input("Date", dt.date.today(), min_value=dt.date(1997, 12, 3))
rows = [
    {"iso3": iso3, "name": treaty.units[iso3].name, "status": str(status)}
    for iso3, status in statuses_on(treaty, day).items()
]
st.dataframe(rows, hide_index=True)
