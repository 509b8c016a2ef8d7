-- Version rows are identified by (article, version): a natural key lets a batch insert them in one round trip
-- (a generated identity column forces one insert per row).
alter table article_version drop column id;
alter table article_version drop constraint article_version_article_id_version_key;
alter table article_version add primary key (article_id, version);
