"""The analyst dashboard: static HTML, CSS and JavaScript served by :mod:`rasd.api`."""
