# The middleware list is a class attribute: every App shares one chain.
from collections.abc import Callable, Mapping

Next = Callable[[Request], Response]
Middleware = Callable[[Request, Next], Response]

NOT_FOUND_STATUS = 404


class App:
    """A chain of middleware; each request walks it with its own position."""

    _middleware: list[Middleware] = []

    def use(self, middleware: Middleware) -> "App":
        if not callable(middleware):
            raise TypeError(f"a middleware must be callable, not {type(middleware).__name__}")
        self._middleware.append(middleware)
        return self

    def handle(self, request: Request) -> Response:
        return self._run(tuple(self._middleware), 0, request)

    def _run(self, chain: tuple[Middleware, ...], index: int, request: Request) -> Response:
        if index == len(chain):
            return Response(NOT_FOUND_STATUS, "Not Found")
        middleware, called = chain[index], False

        def next_(passed_on: Request) -> Response:
            nonlocal called
            if called:
                raise RuntimeError(f"next() called twice by {_name(middleware)}")
            called = True
            return self._run(chain, index + 1, passed_on)

        response = middleware(request, next_)
        if not isinstance(response, Response):
            raise TypeError(f"{_name(middleware)} returned {type(response).__name__}, "
                            "not a Response")
        return response


def _name(middleware: Middleware) -> str:
    return getattr(middleware, "__name__", repr(middleware))


def route(method: str, path: str, handler: Callable[[Request], Response]) -> Middleware:
    def route_middleware(request: Request, next_: Next) -> Response:
        if request.method.upper() == method.upper() and request.path == path:
            return handler(request)
        return next_(request)

    return route_middleware


def require_token(tokens: Mapping[str, str]) -> Middleware:
    def token_middleware(request: Request, next_: Next) -> Response:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        user = tokens.get(token) if scheme == "Bearer" else None
        if user is None:
            return Response(401, "Unauthorized", {"WWW-Authenticate": "Bearer"})
        request.context["user"] = user
        return next_(request)

    return token_middleware
