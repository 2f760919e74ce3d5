"""The web application's pages, one module per part: signing in and out, intake, assessments."""
