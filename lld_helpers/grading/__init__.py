"""Build course/ from solutions/, check it for leaks, and grade notebooks with nbgrader."""
