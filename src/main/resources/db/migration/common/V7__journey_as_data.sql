-- The journey as data (decision 0012): a line stores its type, the code it is about and the arguments of
-- its text; readers render it through the journey.<type> bundle keys. Lines written before keep their
-- Danish text in detail, except those whose text was fully made of one code: read back here.
alter table case_event add column subject varchar(60);
alter table case_event add column args varchar(4000);
alter table case_event alter column detail drop not null;

update case_event set subject = 'REFERRAL', args = '["@stage:REFERRAL"]', detail = null where event_type = 'STAGE' and detail = 'Forløbet er nået til: Henvisning';
update case_event set subject = 'CONSENT', args = '["@stage:CONSENT"]', detail = null where event_type = 'STAGE' and detail = 'Forløbet er nået til: Samtykke';
update case_event set subject = 'SPARRING', args = '["@stage:SPARRING"]', detail = null where event_type = 'STAGE' and detail = 'Forløbet er nået til: Sparring i ungeteamet';
update case_event set subject = 'NETWORK_MEETING', args = '["@stage:NETWORK_MEETING"]', detail = null where event_type = 'STAGE' and detail = 'Forløbet er nået til: Netværksmøde';
update case_event set subject = 'INTERNSHIP', args = '["@stage:INTERNSHIP"]', detail = null where event_type = 'STAGE' and detail = 'Forløbet er nået til: Virksomhedspraktik';
update case_event set subject = 'FOLLOW_UP', args = '["@stage:FOLLOW_UP"]', detail = null where event_type = 'STAGE' and detail = 'Forløbet er nået til: Opfølgning';
update case_event set subject = 'CLOSED', args = '["@stage:CLOSED"]', detail = null where event_type = 'STAGE' and detail = 'Forløbet er nået til: Afsluttet';
update case_event set subject = 'JOB', args = '["@outcome:JOB"]', detail = null where event_type = 'CLOSED' and detail = 'Sagen er afsluttet: Job';
update case_event set subject = 'EDUCATION', args = '["@outcome:EDUCATION"]', detail = null where event_type = 'CLOSED' and detail = 'Sagen er afsluttet: Uddannelse';
update case_event set subject = 'OTHER', args = '["@outcome:OTHER"]', detail = null where event_type = 'CLOSED' and detail = 'Sagen er afsluttet: Andet';
update case_event set subject = 'SINGLE_DISCIPLINE', args = '["@outcome:SINGLE_DISCIPLINE"]', detail = null where event_type = 'CLOSED' and detail = 'Sagen er afsluttet: Monofagligt forløb';
update case_event set subject = 'NO_CONSENT', args = '["@outcome:NO_CONSENT"]', detail = null where event_type = 'CLOSED' and detail = 'Sagen er afsluttet: Intet samtykke';
update case_event set subject = 'PSYCHOLOGIST', args = '["@effort:PSYCHOLOGIST"]', detail = null where event_type = 'EFFORT_ENDED' and detail = 'Indsats afsluttet: psykologsamtaler';
update case_event set subject = 'PSYCHIATRIC_TREATMENT', args = '["@effort:PSYCHIATRIC_TREATMENT"]', detail = null where event_type = 'EFFORT_ENDED' and detail = 'Indsats afsluttet: psykiatrisk behandling';
update case_event set subject = 'ADDICTION_TREATMENT', args = '["@effort:ADDICTION_TREATMENT"]', detail = null where event_type = 'EFFORT_ENDED' and detail = 'Indsats afsluttet: stof- og alkoholbehandling';
update case_event set subject = 'HOUSING_SUPPORT', args = '["@effort:HOUSING_SUPPORT"]', detail = null where event_type = 'EFFORT_ENDED' and detail = 'Indsats afsluttet: bostøtte';
update case_event set subject = 'SUPPORT_CONTACT_PERSON', args = '["@effort:SUPPORT_CONTACT_PERSON"]', detail = null where event_type = 'EFFORT_ENDED' and detail = 'Indsats afsluttet: støtte-kontaktperson';
update case_event set subject = 'MENTOR', args = '["@effort:MENTOR"]', detail = null where event_type = 'EFFORT_ENDED' and detail = 'Indsats afsluttet: mentor';
update case_event set subject = 'JOBCENTRE_COURSE', args = '["@effort:JOBCENTRE_COURSE"]', detail = null where event_type = 'EFFORT_ENDED' and detail = 'Indsats afsluttet: forløb i jobcentret';
update case_event set subject = 'EDUCATION_GUIDANCE', args = '["@effort:EDUCATION_GUIDANCE"]', detail = null where event_type = 'EFFORT_ENDED' and detail = 'Indsats afsluttet: uddannelsesvejledning';
update case_event set subject = 'BRIDGE_COURSE', args = '["@effort:BRIDGE_COURSE"]', detail = null where event_type = 'EFFORT_ENDED' and detail = 'Indsats afsluttet: brobygning';
update case_event set subject = 'FAMILY_SUPPORT', args = '["@effort:FAMILY_SUPPORT"]', detail = null where event_type = 'EFFORT_ENDED' and detail = 'Indsats afsluttet: familiestøtte';
update case_event set subject = 'DEBT_COUNSELLING', args = '["@effort:DEBT_COUNSELLING"]', detail = null where event_type = 'EFFORT_ENDED' and detail = 'Indsats afsluttet: gældsrådgivning';
update case_event set subject = 'INTERNSHIP', args = '["@effort:INTERNSHIP"]', detail = null where event_type = 'EFFORT_ENDED' and detail = 'Indsats afsluttet: virksomhedspraktik';
update case_event set args = '[]', detail = null where event_type = 'CONSENT_WITHDRAWN' and detail = 'Samtykket er trukket tilbage; deling med andre afdelinger end jobcentret stopper';
update case_event set args = '[]', detail = null where event_type = 'CONSENT_REFUSED' and detail = 'Borgeren har ikke givet samtykke til deling';
update case_event set args = '[]', detail = null where event_type = 'ANONYMISED' and detail = 'Sagen er anonymiseret efter opbevaringsperioden';
