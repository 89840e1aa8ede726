"""One error hierarchy: a code, an HTTP status and a message safe to show.

Views raise these; the app's exception handlers turn them into
``{"error": {"code", "message"}}`` for the API and a plain page for browsers.
Anything else is a bug: it is logged with its cause and the user sees a calm
sentence, never a stack trace.
"""
from __future__ import annotations


class AppError(Exception):
    status = 400
    code = "bad_request"
    message = "The request could not be understood."

    def __init__(self, message: str | None = None, *, code: str | None = None,
                 field: str | None = None, headers: dict[str, str] | None = None,
                 extra: dict[str, object] | None = None) -> None:
        self.message = message or self.message
        self.code = code or self.code
        self.field = field
        self.headers = headers or {}
        self.extra = extra or {}
        super().__init__(self.message)

    def to_dict(self) -> dict[str, object]:
        body: dict[str, object] = {"code": self.code, "message": self.message}
        if self.field:
            body["field"] = self.field
        body.update(self.extra)
        return {"error": body}


class BadRequest(AppError):
    status = 400


class Unauthenticated(AppError):
    status = 401
    code = "unauthenticated"
    message = "Please sign in first."


class Forbidden(AppError):
    status = 403
    code = "forbidden"
    message = "You don't have permission to do that."


class NotFound(AppError):
    status = 404
    code = "not_found"
    message = "We couldn't find that."


class Conflict(AppError):
    status = 409
    code = "conflict"
    message = "That conflicts with something that already exists."


class Invalid(AppError):
    status = 422
    code = "invalid"
    message = "Some of what you sent isn't valid."


class RateLimited(AppError):
    status = 429
    code = "rate_limited"
    message = "Too many attempts. Please wait a little and try again."

    def __init__(self, retry_after: int, message: str | None = None) -> None:
        super().__init__(message, headers={"Retry-After": str(max(1, int(retry_after)))},
                         extra={"retry_after": max(1, int(retry_after))})
        self.retry_after = max(1, int(retry_after))
