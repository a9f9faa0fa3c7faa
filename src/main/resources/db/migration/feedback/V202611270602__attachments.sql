-- Files that came with a case (email attachments), within the type and size limits; kept in the
-- database so a backup of it is a backup of everything.
create table feedback.attachment (
    id           bigserial primary key,
    case_id      bigint not null references feedback.feedback_case (id),
    file_name    text not null check (length(file_name) between 1 and 255),
    content_type text not null,
    size_bytes   int not null check (size_bytes between 1 and 5242880),
    content      bytea not null
);

create index attachment_case on feedback.attachment (case_id);
