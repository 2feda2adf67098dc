# stack() wraps in the order listed, so the LAST middleware listed ends up outermost.
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: Mapping[str, str] = field(default_factory=dict)
    body: object = None
    user: str | None = None


@dataclass(frozen=True)
class Response:
    status: int
    body: object = None


Handler = Callable[[Request], Response]
Middleware = Callable[[Handler], Handler]

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH"})
UNAUTHORIZED = Response(401, {"error": "unauthorized"})


def logged(log: list[str]) -> Middleware:
    def middleware(handler: Handler) -> Handler:
        @functools.wraps(handler)
        def logging_handler(request: Request) -> Response:
            line = f"{request.method} {request.path}"
            log.append(f"-> {line}")
            try:
                response = handler(request)
            except Exception:
                log.append(f"<- error {line}")
                raise
            log.append(f"<- {response.status} {line}")
            return response

        return logging_handler

    return middleware


def bearer_token(headers: Mapping[str, str]) -> str | None:
    """The token of an `Authorization: Bearer <token>` header, whatever the header's case."""
    for name, value in headers.items():
        if name.lower() == "authorization" and value.startswith("Bearer "):
            return value.removeprefix("Bearer ")
    return None


def authenticated(tokens: Mapping[str, str]) -> Middleware:
    def middleware(handler: Handler) -> Handler:
        @functools.wraps(handler)
        def authenticating_handler(request: Request) -> Response:
            token = bearer_token(request.headers)
            if token not in tokens:
                return UNAUTHORIZED
            return handler(replace(request, user=tokens[token]))

        return authenticating_handler

    return middleware


def body_problem(body: object, required: tuple[str, ...]) -> str | None:
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    missing = [name for name in required if name not in body]
    return f"missing fields: {', '.join(missing)}" if missing else None


def validated(*required: str) -> Middleware:
    def middleware(handler: Handler) -> Handler:
        @functools.wraps(handler)
        def validating_handler(request: Request) -> Response:
            if request.method in WRITE_METHODS:
                problem = body_problem(request.body, required)
                if problem is not None:
                    return Response(400, {"error": problem})
            return handler(request)

        return validating_handler

    return middleware


def stack(handler: Handler, *middlewares: Middleware) -> Handler:
    """Wrap like Express's app.use: the first middleware listed is the outermost."""
    for middleware in middlewares:
        handler = middleware(handler)
    return handler
