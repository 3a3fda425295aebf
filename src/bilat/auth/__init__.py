"""Accounts and access for the web app and the API: passwords (argon2), sessions, CSRF, personal
API tokens, sign-in rate limiting and role checks. Reads and writes accounts through store.accounts."""
