"""Event recognition: trigger selection, argument frames (who → whom) and modality."""
