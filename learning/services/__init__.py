"""Rules of the learning app (STYLE.md §2, §14), split by concern:

- ``exercises``: an answer arrives (native form or H5P xAPI statement) and is recorded;
- ``progress``: statements, pages and tutorial steps done, course progress;
- ``lernpass``: the pseudonymous code, its cookie and its expiry;
- ``groups``: Lerngruppen for schools and the teacher's report;
- ``certificates``: the certificate of a finished course.

What counts as a right answer lives in ``learning.answers`` (below the blocks, which check their
own answers); H5P packages in ``learning.h5p``. The public API is re-exported here, so callers
write ``services.record_statement(…)``.

Learner data is pseudonymous: a Lernpass is a random code, a group member a nickname.
"""

from learning.answers import (
    ExerciseResult,
    ItemFeedback,
    check_choice,
    check_order,
    check_spot_the_fake,
    check_true_false,
    shuffled_steps,
)
from learning.blocks import find_exercise
from learning.services.certificates import certificate_for
from learning.services.exercises import (
    MAX_STATEMENT_BYTES,
    XAPI_VERBS,
    StatementRejected,
    answer_exercise,
    parse_xapi,
)
from learning.services.groups import (
    TEACHERS_GROUP,
    ClassChart,
    GroupReport,
    JoinRejected,
    create_group,
    end_group,
    generate_join_code,
    group_report,
    is_teacher,
    join_group,
    members_phrase,
)
from learning.services.lernpass import (
    CODE_ALPHABET,
    LERNPASS_COOKIE,
    LERNPASS_COOKIE_SALT,
    create_lernpass,
    delete_lernpass,
    find_lernpass,
    forget_lernpass,
    generate_code,
    lernpass_from_request,
    normalize_code,
    purge_expired_lernpaesse,
    remember_lernpass,
    touch,
)
from learning.services.progress import (
    UNSCORED_H5P_TYPES,
    CourseProgress,
    course_progress,
    exercise_ids,
    mark_page_done,
    mark_step_done,
    progress_overview,
    record_statement,
    solved_condition,
    steps_done,
    success_from_score,
)
from learning.services.qrcodes import qr_svg

__all__ = [
    "CODE_ALPHABET",
    "LERNPASS_COOKIE",
    "LERNPASS_COOKIE_SALT",
    "MAX_STATEMENT_BYTES",
    "TEACHERS_GROUP",
    "UNSCORED_H5P_TYPES",
    "XAPI_VERBS",
    "ClassChart",
    "CourseProgress",
    "ExerciseResult",
    "GroupReport",
    "ItemFeedback",
    "JoinRejected",
    "StatementRejected",
    "answer_exercise",
    "certificate_for",
    "check_choice",
    "check_order",
    "check_spot_the_fake",
    "check_true_false",
    "course_progress",
    "create_group",
    "create_lernpass",
    "delete_lernpass",
    "end_group",
    "exercise_ids",
    "find_exercise",
    "find_lernpass",
    "forget_lernpass",
    "generate_code",
    "generate_join_code",
    "group_report",
    "is_teacher",
    "join_group",
    "lernpass_from_request",
    "mark_page_done",
    "mark_step_done",
    "members_phrase",
    "normalize_code",
    "parse_xapi",
    "progress_overview",
    "purge_expired_lernpaesse",
    "qr_svg",
    "record_statement",
    "remember_lernpass",
    "shuffled_steps",
    "solved_condition",
    "steps_done",
    "success_from_score",
    "touch",
]
