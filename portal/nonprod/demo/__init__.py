"""The demo council: fictional data for trying the portal. Never load it into a live site."""
