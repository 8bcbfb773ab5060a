//! The labels file in its long form: one row per answer and criterion, header
//! `file,criterion,score` (`expert` also names the score column; a `rubric` column gives
//! the answer's rubric; other columns are ignored). The criterion `overall` gives the
//! answer's overall score; the criterion `mistakes` lists, `;`-separated in the score
//! column, the mistake ids the answer really commits (empty: none).

use super::labels::{Label, Labels, LabelsError, error, fields};
use std::collections::HashMap;

/// The criterion whose score is the answer's overall score.
pub const OVERALL: &str = "overall";
/// The criterion whose cell lists the mistakes the answer commits.
pub const MISTAKES: &str = "mistakes";

/// Whether a header (lowercase names) is the long form's: it names a `criterion` column.
pub(super) fn is_long(names: &[String]) -> bool {
    names.iter().any(|n| n == "criterion")
}

/// Which column is which.
struct Columns {
    count: usize,
    file: usize,
    criterion: usize,
    score: usize,
    rubric: Option<usize>,
    score_name: String,
}

impl Columns {
    fn of(names: &[String], line: usize) -> Result<Columns, LabelsError> {
        let column_of = |name: &str| names.iter().position(|n| n == name);
        let score = column_of("score").or_else(|| column_of("expert"));
        let (Some(file), Some(criterion), Some(score)) =
            (column_of("file"), column_of("criterion"), score)
        else {
            let message = "the long form's header must name the columns `file`, `criterion` and `score` (or `expert`)";
            return Err(error(line, 1, message));
        };
        Ok(Columns {
            count: names.len(),
            file,
            criterion,
            score,
            rubric: column_of("rubric"),
            score_name: names[score].clone(),
        })
    }
}

/// The answers read so far, in the order they first appear, and the criteria likewise.
#[derive(Default)]
struct Builder {
    rows: Vec<Label>,
    by_file: HashMap<String, usize>,
    criteria: Vec<String>,
    /// (answer, criterion) → the line that gave it.
    seen: HashMap<(usize, String), usize>,
}

impl Builder {
    /// The answer `file`'s label, created at `line` when new.
    fn answer(&mut self, file: &str, line: usize) -> usize {
        if let Some(&i) = self.by_file.get(file) {
            return i;
        }
        self.rows.push(Label {
            file: file.to_owned(),
            score: None,
            rubric: None,
            criteria: Vec::new(),
            criterion_lines: Vec::new(),
            mistakes: None,
            line,
        });
        self.by_file.insert(file.to_owned(), self.rows.len() - 1);
        self.rows.len() - 1
    }

    fn criterion(&mut self, id: &str) -> usize {
        if let Some(i) = self.criteria.iter().position(|c| c == id) {
            return i;
        }
        self.criteria.push(id.to_owned());
        self.criteria.len() - 1
    }

    /// Reads one row.
    fn row(&mut self, columns: &Columns, text: &str, line: usize) -> Result<(), LabelsError> {
        let cells = fields(text, line)?;
        if cells.len() != columns.count {
            let message = format!(
                "{} fields, but the header has {}",
                cells.len(),
                columns.count
            );
            return Err(error(line, 1, &message));
        }
        let cell = |c: usize| (cells[c].0, cells[c].1.trim());
        let (file, criterion) = (cell(columns.file).1, cell(columns.criterion));
        if file.is_empty() {
            return Err(error(line, 1, "the `file` is empty"));
        }
        if criterion.1.is_empty() {
            return Err(error(line, criterion.0, "the `criterion` is empty"));
        }
        let answer = self.answer(file, line);
        let id = criterion.1.to_lowercase();
        if let Some(first) = self.seen.insert((answer, id.clone()), line) {
            let message = format!("`{id}` of `{file}` is already given at line {first}");
            return Err(error(line, criterion.0, &message));
        }
        if let Some(c) = columns.rubric {
            self.rubric(answer, cell(c), line)?;
        }
        let (column, value) = cell(columns.score);
        if id == MISTAKES {
            let ids = value.split(';').map(str::trim).filter(|m| !m.is_empty());
            self.rows[answer].mistakes = Some(ids.map(str::to_owned).collect());
            return Ok(());
        }
        let score = value.parse::<i64>().map_err(|_| {
            let message = format!(
                "`{value}` is not an integer score in column `{}`",
                columns.score_name
            );
            error(line, column, &message)
        })?;
        if id == OVERALL {
            self.rows[answer].score = Some(score);
            return Ok(());
        }
        let c = self.criterion(&id);
        let label = &mut self.rows[answer];
        if label.criteria.len() <= c {
            label.criteria.resize(c + 1, None);
            label.criterion_lines.resize(c + 1, label.line);
        }
        label.criteria[c] = Some(score);
        label.criterion_lines[c] = line;
        Ok(())
    }

    /// Records the answer's rubric; every row of one answer must agree on it.
    fn rubric(
        &mut self,
        answer: usize,
        (column, rubric): (usize, &str),
        line: usize,
    ) -> Result<(), LabelsError> {
        if rubric.is_empty() {
            return Ok(());
        }
        match &self.rows[answer].rubric {
            Some(earlier) if earlier != rubric => {
                let message = format!(
                    "rubric `{rubric}`, but an earlier row of this answer says `{earlier}`"
                );
                Err(error(line, column, &message))
            }
            _ => {
                self.rows[answer].rubric = Some(rubric.to_owned());
                Ok(())
            }
        }
    }
}

/// Parses the rows below a long-form header (`names`, lowercase, at `header_line`).
pub(super) fn parse_long<'a>(
    names: &[String],
    header_line: usize,
    lines: impl Iterator<Item = (usize, &'a str)>,
) -> Result<Labels, LabelsError> {
    let columns = Columns::of(names, header_line)?;
    let mut builder = Builder::default();
    for (line, text) in lines {
        builder.row(&columns, text, line)?;
    }
    let count = builder.criteria.len();
    for label in &mut builder.rows {
        label.criteria.resize(count, None);
        label.criterion_lines.resize(count, label.line);
    }
    Ok(Labels {
        criteria: builder.criteria,
        rows: builder.rows,
    })
}

#[cfg(test)]
mod tests {
    use super::super::parse_labels;

    const SAMPLE: &str = "file,rubric,criterion,expert,why\n\
        a.md,metrics,goal-first,2,\"clear, early\"\n\
        a.md,metrics,segments,1,\n\
        b.md,metrics,segments,0,none\n\
        a.md,metrics,mistakes,no-read; track-everything,\n\
        b.md,metrics,mistakes,,\n\
        b.md,metrics,overall,3,\n";

    #[test]
    fn reads_one_row_per_answer_and_criterion() {
        let labels = parse_labels(SAMPLE).unwrap();
        assert_eq!(labels.criteria, ["goal-first", "segments"]);
        let (a, b) = (&labels.rows[0], &labels.rows[1]);
        assert_eq!((a.file.as_str(), a.line), ("a.md", 2));
        assert_eq!(a.rubric.as_deref(), Some("metrics"));
        assert_eq!(a.criteria, [Some(2), Some(1)]);
        assert_eq!(a.criterion_lines, [2, 3]);
        assert_eq!(a.score, None);
        let committed = a.mistakes.as_deref().unwrap();
        assert_eq!(committed, ["no-read", "track-everything"]);
        assert_eq!(b.criteria, [None, Some(0)]);
        assert_eq!(b.criterion_lines[1], 4);
        assert_eq!(b.mistakes.as_deref(), Some(&[][..]));
        assert_eq!(b.score, Some(3));
    }

    #[test]
    fn the_score_column_may_be_named_score() {
        let labels = parse_labels("criterion,score,file\ndata,4,x.md\n").unwrap();
        assert_eq!(labels.rows[0].criteria, [Some(4)]);
        assert_eq!(labels.rows[0].rubric, None);
    }

    #[test]
    fn errors_name_line_and_column() {
        let e =
            parse_labels("file,rubric,criterion,expert\na.md,metrics,segments,two\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 23), "{e}");
        assert!(
            e.message.contains("`two`") && e.message.contains("`expert`"),
            "{e}"
        );
        let e = parse_labels("file,criterion,score\na.md,data,1\n\n a.md ,Data,2\n").unwrap_err();
        assert_eq!((e.line, e.column), (4, 8), "{e}");
        assert!(e.message.contains("line 2"), "{e}");
        let e = parse_labels("file,criterion\na.md,data\n").unwrap_err();
        assert!(e.message.contains("`criterion` and `score`"), "{e}");
        let e =
            parse_labels("file,criterion,score,rubric\na.md,x,1,metrics\na.md,y,1,culture-fit\n")
                .unwrap_err();
        assert_eq!((e.line, e.column), (3, 10), "{e}");
        let e = parse_labels("file,criterion,score\na.md,,1\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 6), "{e}");
        assert!(parse_labels("file,criterion,score\n").is_err());
    }
}
