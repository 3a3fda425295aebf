"""Access errors, in bilat's one error family: the API sends them in its JSON shape."""

from __future__ import annotations

from bilat.errors import BilatError


class Unauthorized(BilatError):
    """No valid session or token where one is needed (401)."""

    code = "unauthorized"


class Forbidden(BilatError):
    """Signed in, but the role does not allow this (403)."""

    code = "forbidden"


class CsrfFailed(BilatError):
    """An unsafe request using the session cookie without the form's CSRF token (403)."""

    code = "csrf_failed"


class RateLimited(BilatError):
    """Too many failed sign-ins (429); `retry_after` seconds until the next try is read."""

    code = "rate_limited"

    def __init__(self, message: str, hint: str | None = None, retry_after: int = 60) -> None:
        super().__init__(message, hint)
        self.retry_after = retry_after
        self.headers = {"Retry-After": str(retry_after)}


STATUS = {"unauthorized": 401, "forbidden": 403, "csrf_failed": 403, "rate_limited": 429, "conflict": 409}
