create table beta_things (
  name text primary key
);
