"""The one family of bilat errors: each carries a code and a hint telling the user what to do."""

from __future__ import annotations


class BilatError(Exception):
    code = "bilat_error"

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class ConfigError(BilatError):
    code = "config_error"


class StoreError(BilatError):
    code = "store_error"


class NotFound(BilatError):
    code = "not_found"


class LanguageDataError(BilatError):
    code = "language_data_error"


class EvalError(BilatError):
    code = "eval_error"
