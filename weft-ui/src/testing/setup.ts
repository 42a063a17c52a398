import { configure } from "@testing-library/react";

// The build machine is shared: give findBy/waitFor more than the default second before failing.
configure({ asyncUtilTimeout: 5000 });
