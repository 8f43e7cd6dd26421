# Configuration file for the Sphinx documentation builder.
project = "Kettle"
author = "Tea Maker"
extensions = ["myst_parser", "sphinx_design"]
html_theme = "sphinx_book_theme"
