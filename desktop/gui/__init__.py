"""The Qt user interface of Kaiji Desk: windows, dialogs, item models and background operations."""
