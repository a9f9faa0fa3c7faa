-- The bulk importer writes each person as it reads the file, before the file has shown whether the partner
-- a person names is in it too, and removes the few whose marriage the whole file then refuses. Where the
-- database account cannot skip the foreign-key triggers (not a superuser), the spouse key is therefore
-- checked at commit (SET CONSTRAINTS … DEFERRED in the import's transaction only); everywhere else it is
-- still checked at once, as before.
alter table registry.person alter constraint person_spouse_fkey deferrable initially immediate;
