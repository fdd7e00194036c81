"""Import an official results table (XLSX or CSV) into the database, as a draft or published.

sheet           read a file into cells, in the file's own row and column numbering
headings        recognise the columns a real annex names in its own words
units           match unit names (aliases, variant spellings) and suggest the closest known ones
plan            turn a sheet into an assessment's rows, every problem listed, and a diff against the database
commit          write it (an import or a publication): a build with one more batch, the import logged
messages        every problem in Vietnamese and English
drafts          read what editors manage (drafts, the import log) and the export for scripts
template        the results template to fill in
setup           set a year up (criteria set, tier bands, unit changes) from the editor's workbook,
                read by setup_sheets; setup_workbook writes that workbook (template and backup)
backup          every assessment and set-up to XLSX or CSV, and the restore through the import
cli             the command line of all the above

The import depends on the build (parindex.build, parindex.overlay), never the other way round.
"""
