# default_input_factory() hands out one shared factory: a type registered on it leaks.
from collections.abc import Callable, Iterable, Mapping
from typing import Any

InputConstructor = Callable[..., FormInput]


class UnknownInputType(ValueError):
    """A config asks for an input type that nobody registered."""

    def __init__(self, input_type: object, known: Iterable[str]) -> None:
        super().__init__(
            f"unknown input type {input_type!r}; known types: {', '.join(sorted(known))}"
        )
        self.input_type = input_type


class InputFactory:
    """Makes form inputs from configs; new input types are registered, not coded in."""

    def __init__(self) -> None:
        self._constructors: dict[str, InputConstructor] = {}

    def register(self, type_name: str, constructor: InputConstructor | None = None) -> Any:
        """Register `constructor` under `type_name`; without one, return a decorator."""
        if constructor is None:
            return lambda decorated: self.register(type_name, decorated)
        if type_name in self._constructors:
            raise ValueError(f"input type {type_name!r} is already registered")
        self._constructors[type_name] = constructor
        return constructor

    def known_types(self) -> tuple[str, ...]:
        return tuple(sorted(self._constructors))

    def create(self, config: Mapping[str, Any]) -> FormInput:
        """The input `config["type"]` names, built with the config's other keys."""
        if "type" not in config:
            raise ValueError(f"an input config needs a 'type': {dict(config)!r}")
        settings = {key: value for key, value in config.items() if key != "type"}
        constructor = self._constructors.get(config["type"])
        if constructor is None:
            raise UnknownInputType(config["type"], self._constructors)
        return constructor(**settings)

    def create_form(self, configs: Iterable[Mapping[str, Any]]) -> list[FormInput]:
        return [self.create(config) for config in configs]


_DEFAULT_FACTORY = InputFactory()
_DEFAULT_FACTORY.register("text", TextInput)
_DEFAULT_FACTORY.register("checkbox", Checkbox)
_DEFAULT_FACTORY.register("radio", RadioButton)


def default_input_factory() -> InputFactory:
    """The factory that knows the three standard inputs."""
    return _DEFAULT_FACTORY
