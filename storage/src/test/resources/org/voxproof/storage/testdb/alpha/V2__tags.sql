create table alpha_tags (
  item_id text not null references alpha_items (id),
  tag text not null,
  primary key (item_id, tag)
);
