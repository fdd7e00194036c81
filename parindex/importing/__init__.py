"""Import an official results table (XLSX or CSV) into the database, as a draft or published.

sheet    read a file into cells, in the file's own row and column numbering
headings recognise the columns a real annex names in its own words
units    match unit names (aliases, variant spellings) and suggest the closest known ones
plan     turn a sheet into an assessment's rows, every problem listed, and a diff against the database
commit   write it: a new database file swapped in atomically, the import logged
messages every problem in Vietnamese and English
"""
