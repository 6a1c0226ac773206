"""Modal screens of the app (the credentials form)."""
