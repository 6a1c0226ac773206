"""The app's widgets: chat log, input with history, checklist, carrier browser, order lookup."""
