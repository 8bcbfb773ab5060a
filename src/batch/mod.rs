//! Batch: walks files and folders, grades them in parallel on rayon and hands the results
//! back in path order whatever the thread count. This and the CLI are the only edges that
//! touch the file system; a file that cannot be graded is that file's error, not the run's.

pub mod bounds;
mod grade;
pub mod record;
pub mod request;
mod rubrics;
mod run;
pub mod source;
mod walk;

pub use bounds::Bounds;
pub use grade::{
    Graded, Settings, THREADS_PER_CORE, cap_threads, grade_decoded, grade_entries, grade_entry,
    jobs, map_ordered, read_answer, read_answer_from, with_threads,
};
pub use rubrics::{
    RubricChoice, RubricLoader, Rubrics, builtin_choice, load_rubric, load_rubric_for,
    looks_like_path, redundant_entries,
};
pub use run::{BatchError, Run, Sink, bounds_from_flags, plan, render_entries};
pub use walk::{
    AnswerFilter, Entry, parent_steps, rebase_globs, relative_to_folder, walk, walk_within,
};
