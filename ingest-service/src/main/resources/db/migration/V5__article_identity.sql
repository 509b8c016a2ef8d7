-- An article is identified by a URI: its canonical URL, or a non-web URI its newsroom gave (urn:, tag:, a feed guid).
alter table article rename column canonical_url to identity;
-- the web address, when the identity is not one (null: the identity is the web address, or there is none)
alter table article add column url text;
