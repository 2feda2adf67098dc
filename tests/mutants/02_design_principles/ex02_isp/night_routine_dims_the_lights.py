# NightRoutine dims each light before switching it off: it needs more than Switchable.
from collections.abc import Iterable
from typing import Protocol


class Switchable(Protocol):
    def turn_on(self) -> None: ...

    def turn_off(self) -> None: ...


class Lockable(Protocol):
    def lock(self) -> None: ...

    def unlock(self) -> None: ...


class BatteryPowered(Protocol):
    def battery_percent(self) -> int: ...


class Lamp:
    def __init__(self, name: str) -> None:
        self.name = name
        self.is_on = False
        self.brightness = 100

    def turn_on(self) -> None:
        self.is_on = True

    def turn_off(self) -> None:
        self.is_on = False

    def set_brightness(self, percent: int) -> None:
        if isinstance(percent, bool) or not isinstance(percent, int) or not 0 <= percent <= 100:
            raise ValueError(f"brightness is a whole percentage from 0 to 100, not {percent!r}")
        self.brightness = percent


class DoorLock:
    def __init__(self, name: str, battery: int = 100) -> None:
        self.name = name
        self.is_locked = False
        self._battery = battery

    def lock(self) -> None:
        self.is_locked = True

    def unlock(self) -> None:
        self.is_locked = False

    def battery_percent(self) -> int:
        return self._battery


class MotionSensor:
    def __init__(self, name: str, battery: int = 100) -> None:
        self.name = name
        self._battery = battery

    def battery_percent(self) -> int:
        return self._battery


class NightRoutine:
    def __init__(self, lights: Iterable[Switchable], locks: Iterable[Lockable]) -> None:
        self._lights = list(lights)
        self._locks = list(locks)

    def run(self) -> None:
        for light in self._lights:
            light.set_brightness(0)
            light.turn_off()
        for door in self._locks:
            door.lock()


class BatteryMonitor:
    def __init__(self, devices: Iterable[BatteryPowered]) -> None:
        self._devices = list(devices)

    def low(self, threshold: int = 20) -> list[BatteryPowered]:
        return [device for device in self._devices if device.battery_percent() < threshold]
