"""nbgrader configuration: this repository is an nbgrader course as it stands.

solutions/ holds the source notebooks, course/ the generated student release.
"""

c = get_config()  # noqa: F821

c.CourseDirectory.course_id = "lld-course"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "course"

# Per-cell time limit while grading; a runaway cell costs its submission, not the batch.
c.Execute.timeout = 10
# 'graceful' stalls about 3.5 s on one kernel in ten.
c.Execute.shutdown_kernel = "immediate"
# Test cells a student deleted are put back before grading.
c.OverwriteCells.add_missing_cells = True
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
