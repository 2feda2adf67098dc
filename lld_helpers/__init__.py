"""Helpers every notebook of the LLD course imports: diagrams, widgets, checks, grading."""
