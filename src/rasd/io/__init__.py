"""Reading input documents and writing event records (see ``readers`` and ``writers``)."""
