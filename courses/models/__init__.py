from .pages import (
    CourseIndexPage,
    CourseMaterial,
    CoursePage,
    CourseTutorial,
    LessonPage,
    TutorialIndexPage,
    TutorialPage,
    TutorialStep,
)
from .snippets import DigCompArea, DigCompCompetence, DigitalService, Topic

__all__ = [
    "CourseIndexPage",
    "CourseMaterial",
    "CoursePage",
    "CourseTutorial",
    "DigCompArea",
    "DigCompCompetence",
    "DigitalService",
    "LessonPage",
    "Topic",
    "TutorialIndexPage",
    "TutorialPage",
    "TutorialStep",
]
