-- New ID card numbers for cards the civil registry issues or replaces (12 digits, above every number issued before).
create sequence registry.civil_id_number start with 500000000001 maxvalue 999999999999;
