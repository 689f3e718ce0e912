"""Actor recognition (dictionary mentions → composed phrases) and coding (codes on the event date)."""
