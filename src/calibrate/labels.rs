//! The labels file in its wide form: CSV with a header `file,score[,rubric][,<criterion
//! id>…]`, one labelled answer per row, human scores as integers on any scale; and the CSV
//! reading both forms share. Quoted fields follow RFC 4180. The long form is `long.rs`.

use thiserror::Error;

/// A problem in the labels file, at a line and column.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
#[error("{line}:{column}: {message}")]
pub struct LabelsError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// One labelled answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// As written in the file: relative paths are relative to the labels file's folder.
    pub file: String,
    /// The human score overall; the long form may give none.
    pub score: Option<i64>,
    /// The row's rubric, when the file has a `rubric` column and the cell is not empty.
    pub rubric: Option<String>,
    /// One per criterion column, None where the cell is empty.
    pub criteria: Vec<Option<i64>>,
    /// One per criterion column: the line its score was read from (the row's line in the
    /// wide form, the criterion's own row in the long form).
    pub criterion_lines: Vec<usize>,
    /// The mistake ids the labeller says the answer commits, when the labels say (the long
    /// form's `mistakes` rows, `;`-separated); None when they do not.
    pub mistakes: Option<Vec<String>>,
    /// The row's line in the file (the long form: the answer's first row).
    pub line: usize,
}

/// A parsed labels file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Labels {
    /// The criterion columns' names: criterion ids of the rubric.
    pub criteria: Vec<String>,
    /// The labelled answers, in file order.
    pub rows: Vec<Label>,
}

/// The header's columns: their lowercase names and which is which.
struct Header {
    names: Vec<String>,
    file: usize,
    score: usize,
    rubric: Option<usize>,
    criteria: Vec<usize>,
}

impl Header {
    fn parse(header: &str, line: usize) -> Result<Header, LabelsError> {
        let names = header_names(header, line)?;
        let column_of = |name: &str| names.iter().position(|n| n == name);
        let (Some(file), Some(score)) = (column_of("file"), column_of("score")) else {
            return Err(error(
                line,
                1,
                "the header must name the columns `file` and `score` (or, in the long form, `file`, `criterion` and `score`)",
            ));
        };
        let rubric = column_of("rubric");
        let criteria = (0..names.len())
            .filter(|&i| i != file && i != score && Some(i) != rubric)
            .collect();
        Ok(Header {
            names,
            file,
            score,
            rubric,
            criteria,
        })
    }

    /// One labelled answer at `line`.
    fn row(&self, row: &str, line: usize) -> Result<Label, LabelsError> {
        let cells = fields(row, line)?;
        if cells.len() != self.names.len() {
            let message = format!(
                "{} fields, but the header has {}",
                cells.len(),
                self.names.len()
            );
            return Err(error(line, 1, &message));
        }
        let integer = |col: usize| -> Result<Option<i64>, LabelsError> {
            let (column, cell) = &cells[col];
            let cell = cell.trim();
            if cell.is_empty() {
                return Ok(None);
            }
            cell.parse().map(Some).map_err(|_| {
                let name = &self.names[col];
                let message = format!("`{cell}` is not an integer score in column `{name}`");
                error(line, *column, &message)
            })
        };
        if integer(self.score)?.is_none() {
            return Err(error(line, cells[self.score].0, "the `score` is empty"));
        }
        let file = cells[self.file].1.trim().to_owned();
        if file.is_empty() {
            return Err(error(line, 1, "the `file` is empty"));
        }
        Ok(Label {
            file,
            score: integer(self.score)?,
            rubric: self
                .rubric
                .map(|c| cells[c].1.trim().to_owned())
                .filter(|r| !r.is_empty()),
            criteria: self
                .criteria
                .iter()
                .map(|&c| integer(c))
                .collect::<Result<_, _>>()?,
            criterion_lines: vec![line; self.criteria.len()],
            mistakes: None,
            line,
        })
    }
}

/// The non-empty lines of a CSV, with their 1-based numbers.
pub(super) fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty())
}

/// The header's column names, trimmed and lowercase.
pub(super) fn header_names(header: &str, line: usize) -> Result<Vec<String>, LabelsError> {
    Ok(fields(header, line)?
        .iter()
        .map(|(_, f)| f.trim().to_lowercase())
        .collect())
}

/// Parses the rows below a wide-form header.
pub(super) fn parse_wide<'a>(
    header: &str,
    header_line: usize,
    lines: impl Iterator<Item = (usize, &'a str)>,
) -> Result<Labels, LabelsError> {
    let header = Header::parse(header, header_line)?;
    let rows = lines
        .map(|(line, row)| header.row(row, line))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Labels {
        criteria: header
            .criteria
            .iter()
            .map(|&c| header.names[c].clone())
            .collect(),
        rows,
    })
}

/// Splits one CSV line into (1-based column, unquoted field).
pub(super) fn fields(line: &str, line_no: usize) -> Result<Vec<(usize, String)>, LabelsError> {
    let mut out = Vec::new();
    let mut chars = line.char_indices().peekable();
    loop {
        let start = chars.peek().map_or(line.len(), |&(i, _)| i);
        let column = line[..start].chars().count() + 1;
        let mut field = String::new();
        if chars.peek().is_some_and(|&(_, c)| c == '"') {
            chars.next();
            loop {
                match chars.next() {
                    Some((_, '"')) if chars.peek().is_some_and(|&(_, c)| c == '"') => {
                        chars.next();
                        field.push('"');
                    }
                    Some((_, '"')) => break,
                    Some((_, c)) => field.push(c),
                    None => return Err(error(line_no, column, "a quoted field is not closed")),
                }
            }
            if chars.peek().is_some_and(|&(_, c)| c != ',') {
                let at = chars.peek().map_or(line.len(), |&(i, _)| i);
                let column = line[..at].chars().count() + 1;
                return Err(error(line_no, column, "text after a closing quote"));
            }
        } else {
            while let Some(&(_, c)) = chars.peek() {
                if c == ',' {
                    break;
                }
                field.push(c);
                chars.next();
            }
        }
        out.push((column, field));
        match chars.next() {
            Some((_, ',')) => continue,
            _ => return Ok(out),
        }
    }
}

/// A [`LabelsError`] at `line`:`column`.
pub(super) fn error(line: usize, column: usize, message: &str) -> LabelsError {
    LabelsError {
        line,
        column,
        message: message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse_labels;

    #[test]
    fn reads_files_scores_rubrics_and_criterion_columns() {
        let labels =
            parse_labels("file,score,rubric,data\na.md,4,product-pitch,3\n\"b, c.md\",2,,\n")
                .unwrap();
        assert_eq!(labels.criteria, ["data"]);
        assert_eq!(labels.rows[0].rubric.as_deref(), Some("product-pitch"));
        assert_eq!(labels.rows[0].criteria, [Some(3)]);
        assert_eq!(labels.rows[1].file, "b, c.md");
        assert_eq!(labels.rows[1].rubric, None);
        assert_eq!(labels.rows[1].criteria, [None]);
        assert_eq!(labels.rows[1].line, 3);
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = parse_labels("file,score\na.md,four\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 6));
        assert!(e.message.contains("`four`"), "{e}");
        let e = parse_labels("file,score\n\"a.md,3\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 1));
        let e = parse_labels("name,grade\n").unwrap_err();
        assert!(e.message.contains("`file` and `score`"));
        assert!(parse_labels("").is_err());
        assert!(parse_labels("file,score\n").is_err());
        let e = parse_labels("file,score\na.md,3,extra\n").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
