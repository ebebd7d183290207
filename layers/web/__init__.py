"""The interactive map: the folium page, its elements, and the data it is sent."""
