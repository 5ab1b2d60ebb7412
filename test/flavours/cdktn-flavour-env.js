/** Tells the tests that start node processes of their own that the cdktn flavour is under test. */
process.env.CDKTF_AGD_FLAVOUR = 'cdktn';
