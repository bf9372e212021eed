/**
 * Reading the CSV files operators save from a spreadsheet, one way for every line (imports of
 * homes, leases, selection batches, records …). {@link org.guangsha.platform.csv.CsvReader} takes a
 * line's {@link org.guangsha.platform.csv.CsvColumn columns} and a file's bytes and gives a {@link
 * org.guangsha.platform.csv.CsvTable}: the rows by column key, numbered as the spreadsheet numbers
 * them, and every {@link org.guangsha.platform.csv.CsvProblem problem} of the file as a whole
 * (encoding, header, malformed CSV, too many rows) in Chinese and English. Checking the values is
 * the line's; so is turning the neutral problems into its own error type.
 */
@Version("1.0.0")
package org.guangsha.platform.csv;

import org.osgi.annotation.versioning.Version;
