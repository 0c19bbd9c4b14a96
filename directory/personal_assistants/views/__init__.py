"""The register's public pages: families' (families), the application (application), and a
personal assistant's own (profile)."""
