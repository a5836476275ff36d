-- Nothing on SQLite: the database is one machine's, and the process that
-- commits mail wakes its own sender (PostgreSQL's version of this
-- migration announces mail to every node).
SELECT 1;
