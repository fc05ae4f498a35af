from .pages import CourseIndexPage, CoursePage, LessonPage, TutorialIndexPage, TutorialPage
from .snippets import DigCompArea, DigCompCompetence, DigitalService

__all__ = [
    "CourseIndexPage",
    "CoursePage",
    "DigCompArea",
    "DigCompCompetence",
    "DigitalService",
    "LessonPage",
    "TutorialIndexPage",
    "TutorialPage",
]
